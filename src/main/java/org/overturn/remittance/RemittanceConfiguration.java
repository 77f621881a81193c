package org.overturn.remittance;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RemittanceConfiguration {

    @Bean
    RemittanceParser remittanceParser() {
        return RemittanceParser.standard();
    }
}

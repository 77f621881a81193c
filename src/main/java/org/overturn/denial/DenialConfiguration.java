package org.overturn.denial;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DenialConfiguration {

    @Bean
    DenialDetector denialDetector() {
        return new DenialDetector();
    }

    /** Parsed once at start: the table is evaluated for every denied claim of every file. */
    @Bean
    RootCauseClassifier rootCauseClassifier() {
        return RootCauseClassifier.fromClasspath();
    }
}

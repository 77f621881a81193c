package org.overturn.letters;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * With {@code overturn.mail.local-outbox.enabled} (the local run and the tests) letters go to an embedded
 * mail server; without it Spring Boot's mail sender uses the {@code spring.mail.*} settings of production.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "overturn.mail.local-outbox.enabled", havingValue = "true")
class MailConfiguration {

    @Bean(initMethod = "start", destroyMethod = "stop")
    LocalMailOutbox localMailOutbox(org.springframework.core.env.Environment environment) {
        return new LocalMailOutbox(environment.getProperty("overturn.mail.local-outbox.smtp-port", Integer.class, 3025),
                environment.getProperty("overturn.mail.local-outbox.imap-port", Integer.class, 3143));
    }

    @Bean
    JavaMailSenderImpl mailSender(LocalMailOutbox outbox) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(outbox.smtpPort());
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "10000");
        sender.getJavaMailProperties().put("mail.smtp.writetimeout", "10000");
        return sender;
    }
}

package org.overturn.security.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.overturn.security.AccessRefused;
import org.overturn.security.Roles;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every page and API needs a login. Pages use our login page ({@code /login}) and its session only, and carry a
 * CSRF token in every form; the API (and the engine REST API) also takes HTTP Basic and answers 401/403 as JSON.
 * Cockpit, Tasklist, Admin and the engine REST API are for admins, and trust the same login.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    private static final RequestMatcher API = new AntPathRequestMatcher("/api/**");
    private static final RequestMatcher ENGINE_REST = new AntPathRequestMatcher("/engine-rest/**");
    private static final AccessDeniedHandlerImpl PAGE_REFUSAL = new AccessDeniedHandlerImpl();
    private static final RequestMatcher CAMUNDA = new AntPathRequestMatcher("/camunda/**");

    private static final String PAGES_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /**
     * The one authentication manager: the engine's identity store. Being a bean, it also keeps Spring Boot from
     * creating its default in-memory user.
     */
    @Bean
    AuthenticationManager authenticationManager(EngineIdentityAuthenticationProvider provider,
                                                AuthenticationEventPublisher events) {
        var manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    /**
     * The API and the engine REST API: HTTP Basic for scripts and integrations, or the pages' session; 401 and 403
     * as JSON. Only this chain reads an Authorization header, so credentials a browser cached for the API never
     * sign in a page (nor let a forged page request skip its CSRF check).
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                               ObjectMapper json, RefusalAudit refusals) throws Exception {
        http.securityMatcher(api())
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(SecurityConfiguration::authorizeRequests)
                .httpBasic(Customizer.withDefaults())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) ->
                                writeJson(json, response, HttpStatus.UNAUTHORIZED, "Sign in first"))
                        .accessDeniedHandler((request, response, e) -> {
                            // without a login a POST fails the CSRF check first: what it lacks is a login, not a role
                            if (signedIn()) {
                                refusals.refused(request, e);
                                writeJson(json, response, HttpStatus.FORBIDDEN, e instanceof AccessRefused refused
                                        ? refused.getMessage() : "Not allowed for your role");
                            } else {
                                writeJson(json, response, HttpStatus.UNAUTHORIZED, "Sign in first");
                            }
                        }))
                // API clients authenticating with a header carry no ambient credentials to forge; the pages'
                // scripts calling the API with the session send the CSRF token
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    /** The pages: our login form and the session only, a CSRF token in every form. */
    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                            RefusalAudit refusals) throws Exception {
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(SecurityConfiguration::authorizeRequests)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) -> {
                    if (signedIn()) {
                        refusals.refused(request, e);
                    }
                    PAGE_REFUSAL.handle(request, response, e);
                }))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // the engine webapps carry their own CSRF protection
                .csrf(csrf -> csrf.ignoringRequestMatchers(new AntPathRequestMatcher("/camunda/**")))
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    /** One set of rules for both chains, so a page and its API answer to the same roles. */
    private static void authorizeRequests(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests
                .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico")
                .permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                // the process engine's own doors (Cockpit, Tasklist, Admin, its REST API) and the server's metrics:
                // admins only. They bypass the product's rules (queues, forms, the Part 2 gate), so managers work
                // through the product and see incidents on the dashboard
                .requestMatchers("/camunda/**", "/engine-rest/**", "/actuator/**")
                .hasRole(Roles.ADMIN)
                // the dashboard and every Excel export
                .requestMatchers("/dashboard", "/dashboard/**", "/api/dashboard", "/api/dashboard/**", "/exports/**")
                .hasAnyRole(Roles.ADMIN, Roles.MANAGER)
                .anyRequest().authenticated();
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        // the product's pages: scripts and styles from our own files only (no inline script, handler or style
        // attribute), data: images for the charts. Cockpit, Tasklist and Admin ship inline scripts: they send the
        // engine webapps' own policy (nonce-based, camunda.bpm.webapp.header-security), which replaced ours anyway
        headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(request -> !CAMUNDA.matches(request),
                        new ContentSecurityPolicyHeaderWriter(PAGES_POLICY)))
                // HSTS goes out on secure requests only: in production those the proxy received over HTTPS
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frame -> frame.sameOrigin());
    }

    private static boolean signedIn() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    private static RequestMatcher api() {
        return request -> API.matches(request) || ENGINE_REST.matches(request);
    }

    private static void writeJson(ObjectMapper json, HttpServletResponse response, HttpStatus status, String message)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of("status", status.value(), "error", message));
    }

    /** Cockpit, Tasklist and Admin see the Spring Security login; registered after Spring Security's chain. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> engineWebappAuthentication() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider",
                SpringSecurityEngineAuthentication.class.getName()));
        registration.setOrder(101);
        registration.addUrlPatterns("/camunda/*");
        return registration;
    }

    /** The engine REST API trusts the same login instead of being open. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider",
                SpringSecurityEngineAuthentication.class.getName()));
        registration.setOrder(102);
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

}

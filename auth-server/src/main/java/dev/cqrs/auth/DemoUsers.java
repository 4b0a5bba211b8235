package dev.cqrs.auth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The demo users who sign in on the form login page during the front end's authorization-code flow; a user's name is
 * the {@code sub} of the tokens issued for them (the actor the services record). Local only: the passwords are in the
 * README on purpose.
 */
@Configuration(proxyBeanMethods = false)
class DemoUsers {

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("alice").password("{noop}alice-password").roles("USER").build(),
                User.withUsername("bob").password("{noop}bob-password").roles("USER").build());
    }
}

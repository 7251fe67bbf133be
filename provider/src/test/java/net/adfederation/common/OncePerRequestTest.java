package net.adfederation.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class OncePerRequestTest {

    @Test
    void looksUpOnceWhenFound() {
        AtomicInteger lookups = new AtomicInteger();
        OncePerRequest<String> domain = new OncePerRequest<>(() -> "corp#" + lookups.incrementAndGet());

        assertThat(domain.get()).isEqualTo("corp#1");
        assertThat(domain.get()).isEqualTo("corp#1");
        assertThat(lookups).hasValue(1);
    }

    @Test
    void looksUpAgainAfterAFailure() {
        AtomicInteger lookups = new AtomicInteger();
        OncePerRequest<String> domain = new OncePerRequest<>(() -> {
            if (lookups.incrementAndGet() == 1) throw new IllegalStateException("no DC answered");
            return "corp";
        });

        assertThatThrownBy(domain::get).hasMessage("no DC answered");
        assertThat(domain.get()).isEqualTo("corp");
        assertThat(lookups).hasValue(2);
    }
}

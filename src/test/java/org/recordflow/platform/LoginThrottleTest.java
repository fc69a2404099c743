package org.recordflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Waits by client address after failed sign-ins, on a clock the test moves. */
class LoginThrottleTest {

    static final String OFFICE = "203.0.113.10";
    static final String HOME = "198.51.100.20";

    final TestClock clock = new TestClock();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottle.Settings(3, 5, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(4)), clock, meters);

    @Test
    void failuresForOneUserMakeThatUserWaitFromThatAddressOnly() {
        fail(OFFICE, "admin", 2);
        assertThatCode(() -> throttle.checkAllowed(OFFICE, "admin")).doesNotThrowAnyException();

        fail(OFFICE, "admin", 1);

        assertThat(waitFor(OFFICE, "admin")).isEqualTo(Duration.ofSeconds(30));
        assertThat(waitFor(OFFICE, "ADMIN ")).as("the same user, spelled otherwise").isEqualTo(Duration.ofSeconds(30));
        assertThatCode(() -> throttle.checkAllowed(HOME, "admin")).doesNotThrowAnyException();
        assertThatCode(() -> throttle.checkAllowed(OFFICE, "paula")).doesNotThrowAnyException();
        assertThat(meters.counter("recordflow.logins.throttled").count()).isEqualTo(2);
    }

    @Test
    void theWaitDoublesWithEachFurtherFailureUpToTheLongest() {
        fail(OFFICE, "admin", 3);
        for (Duration expected : new Duration[] {Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(240),
                Duration.ofSeconds(240)}) {
            clock.advance(waitFor(OFFICE, "admin"));
            assertThatCode(() -> throttle.checkAllowed(OFFICE, "admin")).doesNotThrowAnyException();
            fail(OFFICE, "admin", 1);
            assertThat(waitFor(OFFICE, "admin")).isEqualTo(expected);
        }
    }

    @Test
    void failuresForManyUsersMakeTheWholeAddressWait() {
        for (int i = 0; i < 5; i++) {
            fail(OFFICE, "guess" + i, 1);
        }

        assertThat(waitFor(OFFICE, "paula")).isEqualTo(Duration.ofSeconds(30));
        assertThatCode(() -> throttle.checkAllowed(HOME, "paula")).doesNotThrowAnyException();
    }

    @Test
    void afterTheWindowTheAddressStartsAfresh() {
        fail(OFFICE, "admin", 3);
        clock.advance(Duration.ofMinutes(15));

        assertThatCode(() -> throttle.checkAllowed(OFFICE, "admin")).doesNotThrowAnyException();
        fail(OFFICE, "admin", 2);
        assertThatCode(() -> throttle.checkAllowed(OFFICE, "admin")).as("two failures of a new window").doesNotThrowAnyException();
    }

    @Test
    void aSuccessfulSignInForgetsTheUsersFailuresFromThatAddress() {
        fail(OFFICE, "paula", 2);
        throttle.succeeded(OFFICE, "paula");
        fail(OFFICE, "paula", 2);

        assertThatCode(() -> throttle.checkAllowed(OFFICE, "paula")).doesNotThrowAnyException();
    }

    @Test
    void aClockThatGoesBackNeverProlongsAWait() {
        fail(OFFICE, "admin", 3);
        clock.advance(Duration.ofDays(-1));

        assertThatCode(() -> throttle.checkAllowed(OFFICE, "admin")).doesNotThrowAnyException();
    }

    @Test
    void anIpv6ClientCountsByItsNetwork() {
        fail("2001:db8:0:7::1", "admin", 2);
        fail("2001:db8:0:7:ffff::9", "admin", 1);

        assertThat(waitFor("2001:db8:0:7::abcd", "admin")).isEqualTo(Duration.ofSeconds(30));
        assertThatCode(() -> throttle.checkAllowed("2001:db8:0:8::1", "admin")).doesNotThrowAnyException();
        assertThat(LoginThrottle.network("2001:db8:0:7::1")).isEqualTo("2001:db8:0:7:0:0:0:0/64");
        assertThat(LoginThrottle.network("192.0.2.1")).isEqualTo("192.0.2.1");
    }

    @Test
    void aFloodOfAddressesNeitherFillsMemoryNorEndsAWait() {
        fail(OFFICE, "admin", 3);
        for (int i = 0; i < LoginThrottle.MAX_TRACKED; i++) {
            throttle.failed("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), "x");
        }

        assertThat(throttle.tracked()).isLessThanOrEqualTo(LoginThrottle.MAX_TRACKED);
        assertThat(waitFor(OFFICE, "admin")).isPositive();
    }

    @Test
    void theRefusalSaysHowLongToWait() {
        fail(OFFICE, "admin", 3);

        assertThatThrownBy(() -> throttle.checkAllowed(OFFICE, "admin"))
                .hasMessage("Too many failed sign-ins from your address: try again in 30 seconds.");
        clock.advance(Duration.ofSeconds(30));
        fail(OFFICE, "admin", 2);
        assertThatThrownBy(() -> throttle.checkAllowed(OFFICE, "admin"))
                .hasMessage("Too many failed sign-ins from your address: try again in 2 minutes.");
    }

    private void fail(String address, String user, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(address, user);
        }
    }

    private Duration waitFor(String address, String user) {
        LoginThrottle.Throttled refusal = catchThrowableOfType(LoginThrottle.Throttled.class,
                () -> throttle.checkAllowed(address, user));
        assertThat(refusal).as("%s from %s waits", user, address).isNotNull();
        return refusal.retryAfter();
    }

    static final class TestClock extends Clock {

        private Instant now = Instant.parse("2026-11-02T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

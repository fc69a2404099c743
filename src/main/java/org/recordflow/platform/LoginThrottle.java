package org.recordflow.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Slows down password guessing by client address, instead of locking accounts: a lock after failed
 * sign-ins is a weapon anyone can aim at any user (administrators included), while a wait for one
 * address stops only whoever guesses from it. After {@code failuresPerUser} failed sign-ins for one
 * user from one address, or {@code failuresPerAddress} for any users from one address, within
 * {@code window}, further sign-ins from that address (for that user, or for anyone) wait
 * {@code firstWait}, doubling with each further failure up to {@code maxWait}. A wait refuses the
 * attempt without checking its password, so a correct password does not help during it; a
 * successful sign-in forgets the user's failures from that address. Sign-ins from other addresses,
 * and requests of signed-in sessions, are never held up.
 * <p>
 * The address is the request's remote address: behind a reverse proxy, let Tomcat take the client's
 * from {@code X-Forwarded-For} of that proxy only ({@code server.forward-headers-strategy=native},
 * {@code server.tomcat.remoteip.internal-proxies}). IPv6 addresses count by their /64 network. The
 * counts live in memory, per node.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    /** Bounds the memory an attacker can fill with addresses and user names. */
    static final int MAX_TRACKED = 100_000;
    private static final int MAX_USER_LENGTH = 64;

    /**
     * @param failuresPerUser    failed sign-ins for one user from one address before it waits
     * @param failuresPerAddress failed sign-ins for any users from one address before it waits
     * @param window             failures older than this are forgotten (counted from the first one)
     * @param firstWait          the first wait; each further failure doubles it
     * @param maxWait            the longest wait
     */
    @ConfigurationProperties("recordflow.login-throttle")
    record Settings(@DefaultValue("5") int failuresPerUser, @DefaultValue("30") int failuresPerAddress,
                    @DefaultValue("15m") Duration window, @DefaultValue("30s") Duration firstWait,
                    @DefaultValue("15m") Duration maxWait) {

        Settings {
            if (failuresPerUser < 1 || failuresPerAddress < 1 || firstWait.isNegative() || firstWait.isZero()
                    || maxWait.compareTo(firstWait) < 0 || window.compareTo(maxWait) < 0) {
                throw new IllegalArgumentException("recordflow.login-throttle: failures must be 1 or more, and "
                        + "0 < first-wait <= max-wait <= window");
            }
        }
    }

    /** A sign-in refused without checking its password: its address waits after failed sign-ins. */
    static final class Throttled extends AuthenticationException {

        private final Duration retryAfter;

        Throttled(Duration retryAfter) {
            super("Too many failed sign-ins from your address: try again in " + describe(seconds(retryAfter)) + ".");
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }

        /** The wait in whole seconds, rounded up. */
        long retryAfterSeconds() {
            return seconds(retryAfter);
        }

        private static long seconds(Duration wait) {
            return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        }

        private static String describe(long seconds) {
            return seconds <= 90 ? seconds + " seconds" : ((seconds + 59) / 60) + " minutes";
        }
    }

    /** Failed sign-ins of one key: since {@code first}, the last at {@code last}, which began a wait of {@code pause}. */
    private record Failures(Instant first, Instant last, int count, Duration pause, boolean refusalLogged) {

        Duration remaining(Instant now) {
            Instant end = last.plus(pause);
            return !now.isBefore(last) && now.isBefore(end) ? Duration.between(now, end) : Duration.ZERO;
        }

        /** Also when the clock went back before the first failure. */
        boolean forgotten(Instant now, Duration window) {
            return now.isBefore(first) || !now.isBefore(first.plus(window)) && remaining(now).isZero();
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final Counter refusals;
    private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(Settings settings, Clock clock, MeterRegistry meters) {
        this.settings = settings;
        this.clock = clock;
        this.refusals = Counter.builder("recordflow.logins.throttled")
                .description("Sign-ins refused unchecked because their address waits after failed sign-ins")
                .register(meters);
    }

    Settings settings() {
        return settings;
    }

    /** How many addresses and users are counted now. */
    int tracked() {
        return failures.size();
    }

    /** @throws Throttled while sign-ins from this address, or for this user from it, wait */
    void checkAllowed(String address, String user) {
        Instant now = clock.instant();
        String addressKey = addressKey(address);
        String userKey = userKey(address, user);
        Duration wait = remaining(addressKey, now);
        if (remaining(userKey, now).compareTo(wait) > 0) {
            wait = remaining(userKey, now);
        }
        if (!wait.isZero()) {
            refusals.increment();
            if (firstRefusal(addressKey, now) | firstRefusal(userKey, now)) {
                log.warn("Refused a sign-in of user '{}' from {} unchecked: it waits {} s more after failed sign-ins",
                        clean(user), clean(address), wait.toSeconds());
            }
            throw new Throttled(wait);
        }
    }

    void failed(String address, String user) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_TRACKED) {
            forgetStale(now);
        }
        count(addressKey(address), settings.failuresPerAddress(), now, "from " + clean(address));
        count(userKey(address, user), settings.failuresPerUser(), now, "of user '" + clean(user) + "' from " + clean(address));
    }

    void succeeded(String address, String user) {
        failures.remove(userKey(address, user));
    }

    private Duration remaining(String key, Instant now) {
        Failures entry = failures.get(key);
        return entry == null ? Duration.ZERO : entry.remaining(now);
    }

    /** True the first time in a wait, so that a client which keeps trying does not flood the log. */
    private boolean firstRefusal(String key, Instant now) {
        boolean[] first = {false};
        failures.computeIfPresent(key, (k, f) -> {
            if (f.remaining(now).isZero() || f.refusalLogged()) {
                return f;
            }
            first[0] = true;
            return new Failures(f.first(), f.last(), f.count(), f.pause(), true);
        });
        return first[0];
    }

    private void count(String key, int limit, Instant now, String whose) {
        Failures counted = failures.compute(key, (k, previous) -> {
            boolean fresh = previous == null || previous.forgotten(now, settings.window());
            int count = fresh ? 1 : previous.count() + 1;
            Instant first = fresh ? now : previous.first();
            return new Failures(first, now, count, count < limit ? Duration.ZERO : waitAfter(count - limit), false);
        });
        if (!counted.pause().isZero()) {
            log.warn("Sign-ins {} wait {} s after {} failed sign-ins since {}", whose, counted.pause().toSeconds(),
                    counted.count(), counted.first());
        }
    }

    private Duration waitAfter(int failuresPastLimit) {
        Duration wait = settings.firstWait().multipliedBy(1L << Math.min(failuresPastLimit, 30));
        return wait.compareTo(settings.maxWait()) > 0 ? settings.maxWait() : wait;
    }

    private void forgetStale(Instant now) {
        failures.values().removeIf(f -> f.forgotten(now, settings.window()));
        if (failures.size() >= MAX_TRACKED) {
            // Still full: keep the addresses that wait, forget the counts below the limits
            failures.values().removeIf(f -> f.remaining(now).isZero());
        }
    }

    private static String addressKey(String address) {
        return "a " + network(address);
    }

    private static String userKey(String address, String user) {
        String name = user == null ? "" : user.trim().toLowerCase(Locale.ROOT);
        return "u " + network(address) + " user " + name.substring(0, Math.min(name.length(), MAX_USER_LENGTH));
    }

    /** IPv4 addresses as they are; IPv6 by their /64, which one client usually has whole. */
    static String network(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // An IPv6 literal: parsed, never looked up
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length == 16) {
                Arrays.fill(bytes, 8, 16, (byte) 0);
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /** User names come from the client: no line breaks or control characters into the log. */
    private static String clean(String text) {
        if (text == null) {
            return "unknown";
        }
        String shortened = text.length() > MAX_USER_LENGTH ? text.substring(0, MAX_USER_LENGTH) + "..." : text;
        return shortened.replaceAll("\\p{Cntrl}", "?");
    }
}

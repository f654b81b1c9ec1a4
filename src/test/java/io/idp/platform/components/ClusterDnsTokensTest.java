package io.idp.platform.components;

import io.idp.platform.support.ContractException;

import io.idp.platform.config.Cidr;
import io.idp.platform.config.DnsSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** The DNS tokens' limits when nothing is configured: the cluster's egress addresses and a rolling expiry. */
class ClusterDnsTokensTest {
    static DnsSettings settings(List<String> cidrs, String expires) {
        return new DnsSettings(false, Optional.empty(), false, cidrs.stream().map(c -> Cidr.parse(c).orElseThrow()).toList(),
                Optional.ofNullable(expires));
    }

    @ParameterizedTest
    @CsvSource({"2026-01-01,2027-04-01", "2026-03-31,2027-04-01", "2026-04-01,2027-07-01", "2026-11-30,2028-01-01",
            "2026-12-31,2028-01-01", "2027-08-15,2028-10-01"})
    void theDefaultExpiryIsFifteenMonthsAfterTheQuarterBegan(String today, String expires) {
        assertEquals(expires + "T00:00:00Z", ClusterDnsTokens.expiresOn(settings(List.of(), null), LocalDate.parse(today)));
    }

    @Test
    void aConfiguredExpiryWins() {
        assertEquals("2099-01-31T00:00:00Z", ClusterDnsTokens.expiresOn(settings(List.of(), "2099-01-31"), LocalDate.parse("2026-11-30")));
    }

    @Test
    void withoutConfiguredNetworksEachEgressAddressIsAllowedAlone() {
        assertEquals(List.of("198.51.100.7/32", "198.51.100.9/32"),
                ClusterDnsTokens.allowedCidrs(settings(List.of(), null), List.of("198.51.100.7", "198.51.100.9")));
    }

    @Test
    void configuredNetworksReplaceTheEgressAddresses() {
        assertEquals(List.of("203.0.113.0/24"),
                ClusterDnsTokens.allowedCidrs(settings(List.of("203.0.113.0/24"), null), List.of("198.51.100.7")));
    }

    @Test
    void noEgressAddressAndNoNetworksIsAnErrorNotAnOpenToken() {
        var e = assertThrows(ContractException.class, () -> ClusterDnsTokens.allowedCidrs(settings(List.of(), null), List.of()));
        assertTrue(e.getMessage().contains("platform:dnsTokenAllowedCidrs"), e.getMessage());
    }
}

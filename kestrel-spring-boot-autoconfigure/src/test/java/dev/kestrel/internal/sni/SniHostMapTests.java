package dev.kestrel.internal.sni;

import dev.kestrel.configuration.HostNames;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SniHostMap} and {@link HostNames}: Kestrel's SNI key matching (S15.1,
 * S15.2) with IDN normalisation, at any scale.
 */
class SniHostMapTests {

	@Test
	void exactNameBeatsWildcardWhichBeatsTheCatchAll() {
		SniHostMap<String> map = SniHostMap
			.of(Map.of("a.example.org", "exact", "*.example.org", "wildcard", "*", "any"));
		assertThat(map.match("a.example.org")).isEqualTo("exact");
		assertThat(map.match("b.example.org")).isEqualTo("wildcard");
		assertThat(map.match("example.net")).isEqualTo("any");
	}

	@Test
	void longerWildcardBeatsShorter() {
		SniHostMap<String> map = SniHostMap.of(Map.of("*.example.org", "short", "*.b.example.org", "long"));
		assertThat(map.match("x.b.example.org")).isEqualTo("long");
		assertThat(map.match("x.c.example.org")).isEqualTo("short");
	}

	@Test
	void wildcardMatchesAnyDepthButNotTheBareDomain() {
		SniHostMap<String> map = SniHostMap.of(Map.of("*.example.org", "wildcard"));
		assertThat(map.match("a.example.org")).isEqualTo("wildcard");
		assertThat(map.match("a.b.c.example.org")).isEqualTo("wildcard");
		assertThat(map.match("example.org")).isNull();
		assertThat(map.match("badexample.org")).isNull();
	}

	@Test
	void matchingIgnoresCase() {
		SniHostMap<String> map = SniHostMap.of(Map.of("A.Example.ORG", "exact", "*.EXAMPLE.net", "wildcard"));
		assertThat(map.match("a.example.org")).isEqualTo("exact");
		assertThat(map.match("A.EXAMPLE.ORG")).isEqualTo("exact");
		assertThat(map.match("x.Example.Net")).isEqualTo("wildcard");
	}

	@Test
	void clientsWithoutServerNameGetOnlyTheCatchAll() {
		assertThat(SniHostMap.of(Map.of("*", "any", "*.example.org", "wildcard")).match(null)).isEqualTo("any");
		assertThat(SniHostMap.of(Map.of("*", "any")).match("")).isEqualTo("any");
		assertThat(SniHostMap.of(Map.of("*.example.org", "wildcard", "a.example.org", "exact")).match(null)).isNull();
	}

	@Test
	void unmatchedNameWithoutCatchAllMatchesNothing() {
		SniHostMap<String> map = SniHostMap.of(Map.of("a.example.org", "exact", "*.example.org", "wildcard"));
		assertThat(map.match("example.com")).isNull();
		assertThat(map.hasWildcard()).isFalse();
	}

	@Test
	void unicodeAndPunycodeFormsOfOneNameMatchEachOther() {
		SniHostMap<String> unicodeKeys = SniHostMap
			.of(Map.of("münchen.example", "exact", "*.bücher.example", "wildcard"));
		assertThat(unicodeKeys.match("xn--mnchen-3ya.example")).isEqualTo("exact");
		assertThat(unicodeKeys.match("MÜNCHEN.example")).isEqualTo("exact");
		assertThat(unicodeKeys.match("shop.xn--bcher-kva.example")).isEqualTo("wildcard");
		SniHostMap<String> punycodeKeys = SniHostMap.of(Map.of("xn--mnchen-3ya.example", "exact"));
		assertThat(punycodeKeys.match("münchen.example")).isEqualTo("exact");
	}

	@Test
	void otherStarPatternsAreExactNamesAsInKestrel() {
		SniHostMap<String> map = SniHostMap.of(Map.of("a*.example.org", "a-star", "*example.org", "star"));
		assertThat(map.match("ab.example.org")).isNull();
		assertThat(map.match("a*.example.org")).isEqualTo("a-star");
		assertThat(map.match("www.example.org")).isNull();
	}

	@Test
	void emptyKeysAndKeysNamingTheSameHostAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> SniHostMap.of(Map.of("", "empty")));
		Map<String, String> caseTwins = new LinkedHashMap<>();
		caseTwins.put("*.example.org", "one");
		caseTwins.put("*.EXAMPLE.org", "two");
		assertThatIllegalArgumentException().isThrownBy(() -> SniHostMap.of(caseTwins));
		Map<String, String> idnTwins = new LinkedHashMap<>();
		idnTwins.put("münchen.example", "one");
		idnTwins.put("xn--mnchen-3ya.example", "two");
		assertThatIllegalArgumentException().isThrownBy(() -> SniHostMap.of(idnTwins));
	}

	@Test
	void duplicatesAreReportedInGroupsAsWritten() {
		assertThat(HostNames.duplicates(List.of("a.example.org", "*", "A.Example.Org", "münchen.example",
				"*.example.org", "xn--MNCHEN-3ya.example", "*.Example.org")))
			.containsExactly(List.of("a.example.org", "A.Example.Org"),
					List.of("münchen.example", "xn--MNCHEN-3ya.example"), List.of("*.example.org", "*.Example.org"));
		assertThat(HostNames.duplicates(List.of("a.example.org", "*.a.example.org", "*"))).isEmpty();
	}

	@Test
	void tenThousandExactAndOneThousandWildcardEntriesAllResolve() {
		Map<String, String> entries = new HashMap<>();
		for (int i = 0; i < 10_000; i++) {
			entries.put("host" + i + ".d" + (i % 1_000) + ".example.org", "exact" + i);
		}
		for (int i = 0; i < 500; i++) {
			entries.put("*.d" + i + ".example.org", "wild" + i);
			entries.put("*.deep.d" + i + ".example.org", "deep" + i);
		}
		entries.put("*", "any");
		SniHostMap<String> map = SniHostMap.of(entries);
		assertThat(map.size()).isEqualTo(11_001);
		for (int i = 0; i < 10_000; i++) {
			assertThat(map.match("HOST" + i + ".d" + (i % 1_000) + ".example.org")).isEqualTo("exact" + i);
		}
		for (int i = 0; i < 500; i++) {
			assertThat(map.match("other.d" + i + ".example.org")).isEqualTo("wild" + i);
			assertThat(map.match("a.b.deep.d" + i + ".example.org")).isEqualTo("deep" + i);
			assertThat(map.match("deep.d" + i + ".example.org")).as("bare deep domain").isEqualTo("wild" + i);
		}
		assertThat(map.match("other.d999.example.org")).as("no wildcard for d999").isEqualTo("any");
		assertThat(map.match("d1.example.org")).as("bare domain").isEqualTo("any");
	}

}

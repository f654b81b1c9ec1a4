package io.idp.platform.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** The did-you-mean tolerance grows with the name's length, measured after its namespace; the edit distance itself. */
class DidYouMeanToleranceTest {
    @Test
    void noCandidatesMeansNoSuggestion() {
        assertEquals(Optional.empty(), Validators.closest("platform:tags", List.of()));
    }

    @Test
    void aFiveLetterNameToleratesOneEdit() {
        assertEquals(Optional.of("platform:abcde"), Validators.closest("platform:abcdx", List.of("platform:abcde")));
    }

    @Test
    void aFiveLetterNameDoesNotTolerateTwoEdits() {
        assertEquals(Optional.empty(), Validators.closest("platform:abcxy", List.of("platform:abcde")));
    }

    @Test
    void aSixLetterNameToleratesTwoEdits() {
        assertEquals(Optional.of("platform:abcdef"), Validators.closest("platform:abcdxy", List.of("platform:abcdef")));
    }

    @Test
    void aTwelveLetterNameToleratesTwoEditsButNotThree() {
        var candidates = List.of("platform:abcdefghijkl");
        assertEquals(Optional.of("platform:abcdefghijkl"), Validators.closest("platform:abcdefghijxy", candidates));
        assertEquals(Optional.empty(), Validators.closest("platform:abcdefghixyz", candidates));
    }

    @Test
    void aThirteenLetterNameToleratesThreeEditsButNotFour() {
        var candidates = List.of("platform:abcdefghijklm");
        assertEquals(Optional.of("platform:abcdefghijklm"), Validators.closest("platform:abcdefghijxyz", candidates));
        assertEquals(Optional.empty(), Validators.closest("platform:abcdefghiwxyz", candidates));
    }

    @Test
    void aNameWithoutNamespaceIsMeasuredWhole() {
        assertEquals(Optional.of("region"), Validators.closest("regoin", List.of("region")));
        assertEquals(Optional.empty(), Validators.closest("abcxy", List.of("abcde")));
    }

    @Test
    void theNearestOfSeveralCandidatesWins() {
        assertEquals(Optional.of("platform:tags"), Validators.closest("platform:tagz", List.of("platform:domain", "platform:tags")));
    }

    @Test
    void theFirstOfEquallyNearCandidatesWins() {
        assertEquals(Optional.of("platform:cat"), Validators.closest("platform:bat", List.of("platform:cat", "platform:hat")));
    }

    @Test
    void aCandidateInAnotherNamespaceIsComparedWhole() {
        // "aws:regon" against "aws:region": one edit; against "platform:region" the namespaces differ and count.
        assertEquals(Optional.of("aws:region"), Validators.closest("aws:regon", List.of("platform:region", "aws:region")));
    }

    @Test
    void theSharedNamespaceIsNotCountedInTheTolerance() {
        // two edits in a six-letter name: allowed only because the namespace is left out of the length.
        assertEquals(Optional.of("platform:domain"), Validators.closest("Platform:DOMAXY", List.of("platform:domain")));
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, Validators.editDistance("abc", "abc"));
        assertEquals(3, Validators.editDistance("", "abc"));
        assertEquals(3, Validators.editDistance("abc", ""));
        assertEquals(1, Validators.editDistance("abc", "abxc"));
        assertEquals(1, Validators.editDistance("abxc", "abc"));
        assertEquals(1, Validators.editDistance("abc", "abd"));
        assertEquals(3, Validators.editDistance("kitten", "sitting"));
    }

    @Test
    void aSwapOfNeighboursIsOneEditAnywhere() {
        assertEquals(1, Validators.editDistance("ba", "ab"));
        assertEquals(1, Validators.editDistance("acb", "abc"));
        assertEquals(3, Validators.editDistance("ca", "abc"), "optimal string alignment edits no substring twice");
        assertEquals(2, Validators.editDistance("abcd", "badc"));
    }
}

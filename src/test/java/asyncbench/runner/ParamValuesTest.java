package asyncbench.runner;

import asyncbench.catalog.UsageException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParamValuesTest {
    @Test
    void aValueGivenTwiceIsOnePoint() throws UsageException {
        assertEquals(List.of(1L), ParamValues.parse("readers", "1,1"));
        assertEquals(List.of(1L, 2L, 3L), ParamValues.parse("readers", "1..3,2"));
    }

    @Test
    void parsesNumbersPowersAndRanges() throws UsageException {
        assertEquals(List.of(32L, 64L, 128L), ParamValues.parse("readers", "2^5..2^7"));
        assertEquals(List.of(1L, 2L, 3L), ParamValues.parse("writers", "1..3"));
        assertEquals(List.of(1L, 4L, 1024L), ParamValues.parse("writers", "1, 4,2^10"));
        assertEquals(List.of(0L, 1L), ParamValues.parse("syscallsPerCall", "0..1"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "abc| malformed value 'abc'",
        "8..4| empty range '8..4'",
        "-1| cannot be negative, was -1",
        "0..-2| cannot be negative, was -2",
        "''| no values",
        "1,,2| malformed value ''",
        "2^50| exponents go up to 40"})
    void rejectsBadValuesWithAMessage(String text, String expected) {
        UsageException e = assertThrows(UsageException.class, () -> ParamValues.parse("readers", text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}

package de.kiim.benchmarks;

import java.util.Map;

/** One benchmark scenario: measures itself and its baseline in the same run and returns named results. */
interface Scenario {

    String name();

    Map<String, Object> run(BenchDatabase database) throws Exception;
}

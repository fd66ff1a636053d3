package com.lagrello.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every figure of one run, by name: the measurements of each round, and notes.
 */
public final class Results {

	private final Plan plan;

	private final Map<String, Samples> figures = new LinkedHashMap<>();

	private final Map<String, String> facts = new LinkedHashMap<>();

	private final List<String> notes = new ArrayList<>();

	/**
	 * Creates empty results of the given plan.
	 * @param plan the plan
	 */
	public Results(Plan plan) {
		this.plan = plan;
	}

	/**
	 * Returns the plan these results are of.
	 * @return the plan
	 */
	public Plan plan() {
		return this.plan;
	}

	/**
	 * Returns the measurements of a figure, creating it when new.
	 * @param name the figure's name
	 * @return its measurements
	 */
	public Samples figure(String name) {
		return this.figures.computeIfAbsent(name, (key) -> new Samples());
	}

	/**
	 * Whether the figure has measurements.
	 * @param name the figure's name
	 * @return {@code true} if it was measured
	 */
	public boolean has(String name) {
		Samples samples = this.figures.get(name);
		return samples != null && samples.count() > 0;
	}

	/**
	 * Returns every figure, in the order they were first measured.
	 * @return the figures by name
	 */
	public Map<String, Samples> figures() {
		return this.figures;
	}

	/**
	 * Records a fact, such as the thread a consumer ran on.
	 * @param name the fact's name
	 * @param value its value
	 */
	public void fact(String name, String value) {
		this.facts.put(name, value);
	}

	/**
	 * Returns a fact, or {@code null}.
	 * @param name the fact's name
	 * @return its value
	 */
	public String fact(String name) {
		return this.facts.get(name);
	}

	/**
	 * Adds a note for the report.
	 * @param note the note
	 */
	public void note(String note) {
		this.notes.add(note);
	}

	/**
	 * Returns the notes.
	 * @return the notes
	 */
	public List<String> notes() {
		return this.notes;
	}

}

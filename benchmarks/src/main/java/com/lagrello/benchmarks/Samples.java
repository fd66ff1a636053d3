package com.lagrello.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The measurements of one figure, one per round, summarised by their median and range.
 */
public final class Samples {

	private final List<Double> values = new ArrayList<>();

	/**
	 * Adds a measurement.
	 * @param value the measurement
	 */
	public void add(double value) {
		this.values.add(value);
	}

	/**
	 * Returns how many measurements there are.
	 * @return the count
	 */
	public int count() {
		return this.values.size();
	}

	/**
	 * Returns the latest measurement.
	 * @return the last one added
	 */
	public double last() {
		return this.values.isEmpty() ? Double.NaN : this.values.get(this.values.size() - 1);
	}

	/**
	 * Returns the median, {@code NaN} when there is no measurement.
	 * @return the median
	 */
	public double median() {
		if (this.values.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = sorted();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	/**
	 * Returns the smallest measurement.
	 * @return the minimum
	 */
	public double min() {
		return this.values.isEmpty() ? Double.NaN : sorted().get(0);
	}

	/**
	 * Returns the largest measurement.
	 * @return the maximum
	 */
	public double max() {
		return this.values.isEmpty() ? Double.NaN : sorted().get(this.values.size() - 1);
	}

	private List<Double> sorted() {
		List<Double> sorted = new ArrayList<>(this.values);
		Collections.sort(sorted);
		return sorted;
	}

}

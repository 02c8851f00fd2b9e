package org.bangfu.region;

import java.util.List;

import org.bangfu.shared.BadInputException;

/** A division file with rows that break the format; the first few problems, each with its line. */
public class InvalidDivisionFile extends BadInputException {

	private final transient List<Problem> problems;

	InvalidDivisionFile(List<Problem> problems) {
		super("divisions.rows-invalid", problems.size());
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return problems;
	}

	/** One row's problem: its line in the file (the header is line 1) and a message key with arguments. */
	public record Problem(int line, String messageKey, Object... args) {
	}
}

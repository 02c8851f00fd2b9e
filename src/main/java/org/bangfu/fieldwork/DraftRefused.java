package org.bangfu.fieldwork;

import java.util.List;

/** An offline draft refused as a whole: nothing of it was kept (the transaction rolls back), its problems say why. */
public class DraftRefused extends RuntimeException {

	private final String draftKey;

	private final transient List<DraftProblem> problems;

	public DraftRefused(String draftKey, List<DraftProblem> problems) {
		super(problems.isEmpty() ? "refused" : problems.get(0).code() + " " + problems.get(0).messageKey());
		this.draftKey = draftKey;
		this.problems = List.copyOf(problems);
	}

	public DraftRefused(String draftKey, DraftProblem problem) {
		this(draftKey, List.of(problem));
	}

	public String draftKey() {
		return draftKey;
	}

	/** The problems, the one that decides the answer's status first. */
	public List<DraftProblem> problems() {
		return problems;
	}
}

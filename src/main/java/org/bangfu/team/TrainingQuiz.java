package org.bangfu.team;

import java.util.List;

/**
 * The quiz on the guide: single-choice questions whose words are in the team bundle ({@code training.quiz.qN} and
 * {@code training.quiz.qN.a}…); the right answers stay here, on the server. Passing: {@link #PASS_MARK} per cent.
 */
public final class TrainingQuiz {

	/** The share of right answers (per cent) that passes: 8 of the 10 questions. */
	public static final int PASS_MARK = 80;

	/**
	 * A question: its id, the step of the guide it comes from, its option ids, the right one.
	 */
	public record Question(String id, int step, List<String> options, String answer) {

		public String key() {
			return "training.quiz." + id;
		}

		public String optionKey(String option) {
			return key() + "." + option;
		}
	}

	private static final List<String> ABC = List.of("a", "b", "c");

	public static final List<Question> QUESTIONS = List.of(
			new Question("q1", 1, ABC, "b"),
			new Question("q2", 1, ABC, "a"),
			new Question("q3", 1, ABC, "b"),
			new Question("q4", 2, ABC, "c"),
			new Question("q5", 2, ABC, "c"),
			new Question("q6", 3, ABC, "c"),
			new Question("q7", 4, ABC, "b"),
			new Question("q8", 5, ABC, "b"),
			new Question("q9", 5, ABC, "c"),
			new Question("q10", 6, ABC, "a"));

	private TrainingQuiz() {
	}
}

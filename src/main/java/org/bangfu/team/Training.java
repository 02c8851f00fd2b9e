package org.bangfu.team;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.Role;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.TooManyAttemptsException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quiz attempts and completions (docs/mobilisation.md, "Training"): every attempt is recorded; an account's completion
 * is its first passed attempt, and a later pass keeps that date. Anyone signed in may take the quiz; only village
 * officers, township managers and county admins are counted in the status.
 */
@Component
public class Training {

	/** The roles whose training the county follows. */
	public static final Set<Role> COUNTED = EnumSet.of(Role.VILLAGE_OFFICER, Role.TOWNSHIP_MANAGER, Role.COUNTY_ADMIN);

	/** At most this many attempts an hour per account: enough to retry, too few to find the answers by trying. */
	public static final int ATTEMPTS_PER_HOUR = 10;

	private final JdbcClient jdbc;

	private final Clock clock;

	Training(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The result of an attempt.
	 *
	 * @param score the share of right answers, per cent
	 * @param wrong the ids of the questions answered wrongly, in the quiz's order
	 * @param completedAt the account's completion (its first pass), or null
	 */
	public record Result(int score, boolean passed, List<String> wrong, int correct, int total, Instant completedAt) implements java.io.Serializable {
	}

	/** Marks and records an attempt; a first pass completes the training. Missing or unknown answers change nothing. */
	@Transactional
	public Result take(BangfuUser user, Map<String, String> answers) {
		Map<String, String> given = checked(answers);
		// one attempt at a time per account, so a burst cannot slip past the hourly limit
		jdbc.sql("SELECT pg_advisory_xact_lock(17044, ?)").param((int) user.id()).query((rs, n) -> 1).list();
		Instant now = clock.instant();
		int recent = jdbc.sql("SELECT count(*) FROM training_attempt WHERE account_id = ? AND at > ?")
			.params(user.id(), Timestamp.from(now.minus(Duration.ofHours(1))))
			.query(Integer.class)
			.single();
		if (recent >= ATTEMPTS_PER_HOUR) {
			throw new TooManyAttemptsException("training.quiz.too-many", ATTEMPTS_PER_HOUR);
		}
		List<String> wrong = TrainingQuiz.QUESTIONS.stream().filter(q -> !q.answer().equals(given.get(q.id()))).map(TrainingQuiz.Question::id).toList();
		int total = TrainingQuiz.QUESTIONS.size();
		int correct = total - wrong.size();
		int score = correct * 100 / total;
		boolean passed = score >= TrainingQuiz.PASS_MARK;
		String recorded = TrainingQuiz.QUESTIONS.stream().map(q -> q.id() + "=" + given.get(q.id())).collect(Collectors.joining(","));
		long attempt = jdbc.sql("""
				INSERT INTO training_attempt (account_id, at, correct, total, score, passed, answers)
				VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(user.id(), Timestamp.from(now), correct, total, score, passed, recorded)
			.query(Long.class)
			.single();
		if (passed) {
			jdbc.sql("""
					INSERT INTO training_completion (account_id, attempt_id, completed_at, score) VALUES (?, ?, ?, ?)
					ON CONFLICT (account_id) DO NOTHING""")
				.params(user.id(), attempt, Timestamp.from(now), score)
				.update();
		}
		return new Result(score, passed, wrong, correct, total, completedAt(user.id()).orElse(null));
	}

	/** The answers, each question answered with one of its options; else 400 naming what is missing or unknown. */
	private static Map<String, String> checked(Map<String, String> answers) {
		if (answers == null || answers.isEmpty()) {
			throw new BadInputException("training.quiz.answers-required");
		}
		Map<String, TrainingQuiz.Question> questions = new HashMap<>();
		TrainingQuiz.QUESTIONS.forEach(q -> questions.put(q.id(), q));
		Map<String, String> given = new HashMap<>();
		for (Map.Entry<String, String> a : answers.entrySet()) {
			String id = a.getKey() == null ? "" : a.getKey().strip();
			TrainingQuiz.Question q = questions.get(id);
			if (q == null) {
				throw new BadInputException("training.quiz.question-unknown", id);
			}
			String option = a.getValue() == null ? "" : a.getValue().strip();
			if (option.isEmpty()) {
				continue; // counted below as missing
			}
			if (!q.options().contains(option)) {
				throw new BadInputException("training.quiz.option-unknown", id, option);
			}
			given.put(id, option);
		}
		List<String> missing = TrainingQuiz.QUESTIONS.stream().map(TrainingQuiz.Question::id).filter(id -> !given.containsKey(id)).toList();
		if (!missing.isEmpty()) {
			throw new BadInputException("training.quiz.answer-missing", String.join("、", missing.stream().map(id -> id.substring(1)).toList()));
		}
		return given;
	}

	public Optional<Instant> completedAt(long accountId) {
		return jdbc.sql("SELECT completed_at FROM training_completion WHERE account_id = ?")
			.param(accountId)
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional();
	}

	/** The completions of these accounts (those without one are absent). */
	public Map<Long, Instant> completions(Collection<Long> accountIds) {
		Map<Long, Instant> done = new TreeMap<>();
		if (accountIds.isEmpty()) {
			return done;
		}
		List<Long> ids = new ArrayList<>(accountIds);
		for (int from = 0; from < ids.size(); from += 1000) {
			jdbc.sql("SELECT account_id, completed_at FROM training_completion WHERE account_id IN (:ids)")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
				.query((rs, n) -> done.put(rs.getLong(1), rs.getTimestamp(2).toInstant()))
				.list();
		}
		return done;
	}

	/** Whether this user's training is counted (an officer, manager or county admin). */
	public static boolean counted(BangfuUser user) {
		return user.staffGrants().stream().anyMatch(g -> COUNTED.contains(g.role()));
	}
}

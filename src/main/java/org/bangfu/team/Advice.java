package org.bangfu.team;

import java.time.Instant;

/** A request for an expert's advice on a need, and its answer once given (answer null until then). */
public record Advice(long id, long needId, String needTitle, String regionCode, String regionName, ExpertField field, String question,
		String askedBy, Instant askedAt, String answer, String answeredBy, Instant answeredAt) {

	public boolean answered() {
		return answer != null;
	}
}

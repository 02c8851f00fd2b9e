package org.bangfu.news;

import java.time.Instant;

import org.bangfu.shared.ConflictException;

/**
 * A news item or story. Only what the public may read is kept: a story's household appears as its masked head's name
 * ({@code householdMasked}), and names and numbers in the texts were masked when written.
 *
 * @param photo whether it has a photo (served at /news/{id}/photo.jpg once published)
 */
public record NewsItem(long id, NewsKind kind, String title, String body, String regionCode, String regionName, Long householdId,
		String householdMasked, boolean photo, NewsState state, long writtenBy, Instant writtenAt, Instant publishedAt,
		Instant withdrawnAt) {

	/** Published from a draft only. */
	NewsItem publish(Instant at) {
		if (state != NewsState.DRAFT) {
			throw new ConflictException("news.state-conflict", state.name());
		}
		return new NewsItem(id, kind, title, body, regionCode, regionName, householdId, householdMasked, photo, NewsState.PUBLISHED,
				writtenBy, writtenAt, at, null);
	}

	/** Withdrawn once published: off the public pages, kept for the record. */
	NewsItem withdraw(Instant at) {
		if (state != NewsState.PUBLISHED) {
			throw new ConflictException("news.state-conflict", state.name());
		}
		return new NewsItem(id, kind, title, body, regionCode, regionName, householdId, householdMasked, photo, NewsState.WITHDRAWN,
				writtenBy, writtenAt, publishedAt, at);
	}

	/** The first lines of the body, for lists. */
	public String summary() {
		return body.length() <= 80 ? body : body.substring(0, 80) + "…";
	}
}

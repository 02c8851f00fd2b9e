package org.bangfu.news;

/** A news item's life: written (DRAFT), shown to everyone (PUBLISHED), taken down again (WITHDRAWN, kept for the record). */
public enum NewsState {
	DRAFT, PUBLISHED, WITHDRAWN
}

package org.bangfu.news;

/** NEWS: the county's or city's news (动态); STORY: a story of help given (帮扶故事), which may be about one household. */
public enum NewsKind {
	NEWS, STORY
}

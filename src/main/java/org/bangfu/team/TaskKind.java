package org.bangfu.team;

/** What volunteers do on a task: carry something to a household, or visit one. */
public enum TaskKind {
	DELIVERY, VISIT
}

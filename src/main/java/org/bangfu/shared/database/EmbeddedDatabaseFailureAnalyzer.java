package org.bangfu.shared.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a failed start of the embedded database as its one-line message and what to do. Registered in META-INF/spring.factories. */
final class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseUnavailable> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseUnavailable cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}
}

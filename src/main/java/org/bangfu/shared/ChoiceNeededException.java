package org.bangfu.shared;

import java.util.List;

/**
 * The request is well-formed but leaves open a choice the server must not make for the user (which of
 * several regions to look at): it names the request parameter that decides and the values it may take.
 * The web answers with the choices (problem+json {@code choices}, or a page of links with the parameter
 * set), so the user picks instead of the server guessing. In the message, {@code {0}} is the list of
 * the choices' labels, written by the web in the reader's language.
 */
public class ChoiceNeededException extends BadInputException {

	/** @param value what the parameter is set to for this choice; @param label what the user reads */
	public record Choice(String value, String label) {
	}

	private final String parameter;

	private final List<Choice> choices;

	public ChoiceNeededException(String messageKey, String parameter, List<Choice> choices) {
		super(messageKey);
		this.parameter = parameter;
		this.choices = List.copyOf(choices);
	}

	public String parameter() {
		return parameter;
	}

	public List<Choice> choices() {
		return choices;
	}
}

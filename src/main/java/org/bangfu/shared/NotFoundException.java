package org.bangfu.shared;

/**
 * Nothing there, or nothing the caller may see: both answer 404, so that a request outside the
 * caller's scope does not confirm that the thing exists (DESIGN.md §5).
 */
public class NotFoundException extends BadInputException {

	public NotFoundException(String messageKey, Object... args) {
		super(messageKey, args);
	}
}

package org.bangfu.team;

import java.util.List;
import java.util.Optional;

import org.bangfu.account.Role;

/**
 * The built-in guide for officers and managers (issue 17): six steps from the visit to the delivery, each with the role
 * that does it and links to the real pages it describes. The words are in the team bundle ({@code training.step.N.*}).
 */
public final class TrainingGuide {

	/**
	 * A link of a step to the page it describes.
	 *
	 * @param role who opens it (the guide says so; the tests open it as this role)
	 */
	public record Link(String labelKey, String href, Role role) {
	}

	/**
	 * A step: its number (1–6), the roles doing it, how many paragraphs of text it has, its links.
	 */
	public record Step(int number, List<Role> roles, int paragraphs, List<Link> links) {

		public String key(String part) {
			return "training.step." + number + "." + part;
		}

		public List<String> paragraphKeys() {
			return java.util.stream.IntStream.rangeClosed(1, paragraphs).mapToObj(i -> key("p" + i)).toList();
		}
	}

	public static final List<Step> STEPS = List.of(
			new Step(1, List.of(Role.VILLAGE_OFFICER, Role.TOWNSHIP_MANAGER), 4,
					List.of(new Link("training.link.households", "/households", Role.VILLAGE_OFFICER),
							new Link("training.link.rules", "/needs/rules", Role.VILLAGE_OFFICER))),
			new Step(2, List.of(Role.VILLAGE_OFFICER), 4,
					List.of(new Link("training.link.consents", "/households", Role.VILLAGE_OFFICER))),
			new Step(3, List.of(Role.VILLAGE_OFFICER), 4,
					List.of(new Link("training.link.need-form", "/needs/new", Role.VILLAGE_OFFICER),
							new Link("training.link.rules", "/needs/rules", Role.VILLAGE_OFFICER),
							new Link("training.link.my-needs", "/needs/mine", Role.VILLAGE_OFFICER))),
			new Step(4, List.of(Role.VILLAGE_OFFICER, Role.HOUSEHOLD), 3,
					List.of(new Link("training.link.submitted", "/needs/mine?state=SUBMITTED", Role.VILLAGE_OFFICER))),
			new Step(5, List.of(Role.TOWNSHIP_MANAGER, Role.COUNTY_ADMIN), 4,
					List.of(new Link("training.link.queue", "/needs/queue", Role.TOWNSHIP_MANAGER),
							new Link("training.link.reports", "/needs/reports", Role.TOWNSHIP_MANAGER))),
			new Step(6, List.of(Role.VILLAGE_OFFICER), 4,
					List.of(new Link("training.link.pledged", "/needs/mine?state=PLEDGED", Role.VILLAGE_OFFICER),
							new Link("training.link.delivered", "/needs/mine?state=DELIVERED", Role.VILLAGE_OFFICER))));

	private TrainingGuide() {
	}

	public static Optional<Step> step(int number) {
		return STEPS.stream().filter(s -> s.number() == number).findFirst();
	}
}

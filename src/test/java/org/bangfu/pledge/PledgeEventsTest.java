package org.bangfu.pledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.bangfu.ApiClient;
import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * The need follows its pledges through the pledge events (issue 13): it counts them itself and moves to DELIVERED and
 * CONFIRMED in the pledge's own transaction; the notices listen after the commit (asynchronously), and an event whose notice could not be
 * written stays in the publication registry until it is handed out again.
 */
class PledgeEventsTest extends ApplicationTest {

	@Autowired
	Accounts accounts;

	@Autowired
	PledgeLapse lapse;

	@Autowired
	IncompleteEventPublications incomplete;

	private String state(long needId) {
		return jdbc.sql("SELECT state FROM need WHERE id = ?").param(needId).query(String.class).single();
	}

	private List<Integer> counts(long needId) {
		return jdbc.sql("SELECT ARRAY[pledges_active, pledges_on_way, pledges_received] FROM need WHERE id = ?")
			.param(needId)
			.query((rs, n) -> List.of((Integer[]) rs.getArray(1).getArray()))
			.single();
	}

	/** The events about the need that a listener still owes. */
	private long outstanding(long needId) {
		eventsSettled();
		return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND CAST(serialized_event AS jsonb) ->> 'needId' = ?")
			.param(String.valueOf(needId))
			.query(Long.class)
			.single();
	}

	private long pledge(ApiClient api, long needId, int quantity, String donor) {
		ApiClient.Answer made = api.post("/api/v1/needs/" + needId + "/pledges", "{\"quantity\":" + quantity + ",\"days\":5}", donor);
		assertThat(made.status()).as(made.body()).isEqualTo(201);
		return made.json().get("id").asLong();
	}

	@Test
	void theNeedCountsItsPledgesAndIsConfirmedWhenTheLastOneArrivesHoweverTheyCame() throws Exception {
		ApiClient api = api();
		long need = MatchingFixtures.publishedNeed(jdbc, clock.instant(), "430421100203", "OTHER", "三床棉被按事件走完", new long[] { 3, 15000 });
		String a = MatchingFixtures.newDonor(accounts, api, newPhone());
		String b = MatchingFixtures.newDonor(accounts, api, newPhone());
		String c = MatchingFixtures.newDonor(accounts, api, newPhone());
		long sent = pledge(api, need, 1, a);
		long handed = pledge(api, need, 1, b);
		long late = pledge(api, need, 1, c);
		assertThat(state(need)).isEqualTo("PLEDGED");
		assertThat(counts(need)).isEqualTo(List.of(3, 0, 0));

		assertThat(api.post("/api/v1/pledges/" + sent + "/ship", null, a).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/pledges/" + late + "/ship", null, c).status()).isEqualTo(200);
		assertThat(counts(need)).isEqualTo(List.of(3, 2, 0));
		assertThat(state(need)).as("one pledge is neither sent nor arrived").isEqualTo("PLEDGED");

		// the one on its way past its deadline lapses: its blanket goes back on the list
		clock.advance(Duration.ofDays(6));
		jdbc.sql("UPDATE pledge SET deadline = deadline + interval '30 days' WHERE id IN (?, ?)").params(sent, handed).update();
		lapse.lapseDue();
		assertThat(state(need)).isEqualTo("PARTLY_PLEDGED");
		assertThat(counts(need)).isEqualTo(List.of(2, 1, 0));

		String officer = api.login(PledgeTest.OFFICER, DEMO_PASSWORD);
		assertThat(api.postFile("/api/v1/pledges/" + handed + "/receive", "photo", "r.jpg", "image/jpeg", PledgeTest.jpeg(), officer)
			.status()).as("handed over in person: received straight from committed").isEqualTo(200);
		assertThat(counts(need)).isEqualTo(List.of(2, 1, 1));
		long again = pledge(api, need, 1, c);
		assertThat(api.post("/api/v1/pledges/" + again + "/ship", null, c).status()).isEqualTo(200);
		assertThat(state(need)).as("all pledged, every pledge on its way or arrived").isEqualTo("DELIVERED");
		assertThat(api.postFile("/api/v1/pledges/" + sent + "/receive", "photo", "r.jpg", "image/jpeg", PledgeTest.jpeg(), officer).status())
			.isEqualTo(200);
		assertThat(state(need)).isEqualTo("DELIVERED");
		assertThat(api.postFile("/api/v1/pledges/" + again + "/receive", "photo", "r.jpg", "image/jpeg", PledgeTest.jpeg(), officer).status())
			.isEqualTo(200);
		assertThat(state(need)).isEqualTo("CONFIRMED");
		assertThat(counts(need)).isEqualTo(List.of(3, 0, 3));
		assertThat(jdbc.sql("SELECT to_state FROM need_transition WHERE need_id = ? ORDER BY id").param(need).query(String.class).list())
			.containsSubsequence("PLEDGED", "PARTLY_PLEDGED", "PLEDGED", "DELIVERED", "CONFIRMED");
		assertThat(outstanding(need)).as("every listener finished; the registry keeps nothing owed").isZero();
	}

	@Test
	void aNoticeThatCouldNotBeWrittenIsOwedUntilTheEventIsHandedOutAgain() {
		ApiClient api = api();
		long need = MatchingFixtures.publishedNeed(jdbc, clock.instant(), "430421100203", "OTHER", "通知失败后补发", new long[] { 2, 10000 });
		String donor = MatchingFixtures.newDonor(accounts, api, newPhone());
		long pledge = pledge(api, need, 2, donor);
		assertThat(outstanding(need)).isZero();

		// the database refuses this pledge's notice for a while, as a full disk or a lost connection would
		jdbc.sql("""
				CREATE FUNCTION refuse_one_notice() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				  IF NEW.message_key = 'notice.pledge.shipped' AND NEW.message_args[2] = '%d' THEN RAISE EXCEPTION 'notice store down'; END IF;
				  RETURN NEW;
				END $$""".formatted(pledge)).update();
		jdbc.sql("CREATE TRIGGER refuse_one_notice BEFORE INSERT ON notice FOR EACH ROW EXECUTE FUNCTION refuse_one_notice()").update();
		try {
			assertThat(api.post("/api/v1/pledges/" + pledge + "/ship", null, donor).status()).as("the step itself is done").isEqualTo(200);
			eventsSettled(); // the notices' listener has run, and failed
		}
		finally {
			jdbc.sql("DROP TRIGGER refuse_one_notice ON notice").update();
			jdbc.sql("DROP FUNCTION refuse_one_notice()").update();
		}
		assertThat(state(need)).as("the need moved with the pledge, in its transaction").isEqualTo("DELIVERED");
		assertThat(outstanding(need)).as("the shipped event is owed to the notices").isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM notice WHERE message_key = 'notice.pledge.shipped' AND message_args[2] = ?")
			.param(String.valueOf(pledge))
			.query(Long.class)
			.single()).isZero();

		incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof org.bangfu.shared.events.PledgeShipped s && s.pledgeId() == pledge);
		assertThat(outstanding(need)).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM notice WHERE message_key = 'notice.pledge.shipped' AND message_args[2] = ?")
			.param(String.valueOf(pledge))
			.query(Long.class)
			.single()).as("the poster's notice, written on the second try").isEqualTo(1);
	}
}

package org.bangfu.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * This running application instance among the nodes that share one database: the host name and a
 * random part drawn at each start, so a restarted node is a new instance and rows claimed by its
 * previous run are recognised as left behind (by their stale heartbeat), never as still its own.
 */
@Component
public class AppInstance {

	private final String id;

	public AppInstance() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			host = "unknown-host";
		}
		this.id = host + "/" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** E.g. {@code node-2/5f3a9c1e}: shown in job rows as who works on them. */
	public String id() {
		return id;
	}

	@Override
	public String toString() {
		return id;
	}
}

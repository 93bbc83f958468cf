package dev.kestrel.internal.server.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLEngine;

import io.netty.handler.ssl.OpenSslServerContext;
import io.netty.handler.ssl.OpenSslSessionTicketKey;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslContext;
import io.netty.internal.tcnative.SSL;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.TlsMessages;

/**
 * The session-ticket keys of one server's OpenSSL/BoringSSL contexts, so that TLS 1.2
 * tickets and TLS 1.3 PSK tickets resume on every context (and every instance) that
 * shares them. Either read from {@code kestrel.tls.session-ticket-keys} — nginx's
 * {@code ssl_session_ticket_key} format, one or more 48-byte keys (16-byte name, 16-byte
 * AES key, 16-byte HMAC key), the first one encrypting — and read again when the file
 * changes; or generated at random in memory and rotated every {@link #ROTATION} (the
 * previous keys still decrypt for {@link #KEPT} rotations). Netty's ticket API takes
 * AES-128 keys only, so nginx's 80-byte (AES-256) keys are refused.
 * <p>
 * The JDK engine manages its own ticket keys; it cannot take a key file.
 */
public final class SessionTicketKeys implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(SessionTicketKeys.class);

	static final Duration ROTATION = Duration.ofHours(1);

	static final int KEPT = 2;

	private static final Duration FILE_POLL = Duration.ofSeconds(1);

	private static final int KEY_SIZE = 48;

	private static final int NGINX_LONG_KEY_SIZE = 80;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Path file;

	private final Map<OpenSslServerContext, Boolean> contexts = Collections.synchronizedMap(new WeakHashMap<>());

	private final ScheduledExecutorService scheduler;

	private volatile OpenSslSessionTicketKey[] keys;

	private volatile byte[] fileContent;

	private SessionTicketKeys(Path file) {
		this.file = file;
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "kestrel-session-ticket-keys");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Creates the keys of one server.
	 * @param file {@code kestrel.tls.session-ticket-keys}, or {@code null} for keys in
	 * memory
	 * @return the keys
	 * @throws KestrelConfigurationException when the file cannot be read or has the wrong
	 * size
	 */
	public static SessionTicketKeys create(String file) {
		if (file == null || file.isBlank()) {
			SessionTicketKeys keys = new SessionTicketKeys(null);
			keys.keys = new OpenSslSessionTicketKey[] { randomKey() };
			keys.scheduler.scheduleAtFixedRate(keys::rotate, ROTATION.toMillis(), ROTATION.toMillis(),
					TimeUnit.MILLISECONDS);
			return keys;
		}
		SessionTicketKeys keys = new SessionTicketKeys(Path.of(file).toAbsolutePath());
		byte[] content = read(keys.file);
		keys.keys = parse(keys.file, content);
		keys.fileContent = content;
		keys.scheduler.scheduleWithFixedDelay(keys::reloadIfChanged, FILE_POLL.toMillis(), FILE_POLL.toMillis(),
				TimeUnit.MILLISECONDS);
		return keys;
	}

	/**
	 * @return whether the keys come from a file
	 */
	public boolean fromFile() {
		return this.file != null;
	}

	/**
	 * Gives a context the keys (and later ones), which turns its tickets on.
	 * @param context a server context; JDK contexts are left alone
	 */
	void apply(SslContext context) {
		if (context instanceof OpenSslServerContext openSsl) {
			openSsl.sessionContext().setTicketKeys(this.keys);
			this.contexts.put(openSsl, Boolean.TRUE);
		}
	}

	/**
	 * Turns tickets off on one connection's engine ({@code SessionTickets: false}): the
	 * context's {@code SSL_OP_NO_TICKET}, which Netty sets, does not keep BoringSSL from
	 * issuing TLS 1.2 tickets, so the option is set again on the connection, before its
	 * handshake.
	 * @param engine a server engine; JDK engines are left alone
	 */
	@SuppressWarnings("deprecation")
	static void disable(SSLEngine engine) {
		if (engine instanceof ReferenceCountedOpenSslEngine openSsl) {
			SSL.setOptions(openSsl.sslPointer(), SSL.SSL_OP_NO_TICKET);
		}
	}

	/**
	 * @return how many keys decrypt tickets now (for tests)
	 */
	int size() {
		return this.keys.length;
	}

	private void rotate() {
		List<OpenSslSessionTicketKey> next = new ArrayList<>();
		next.add(randomKey());
		next.addAll(Arrays.asList(this.keys).subList(0, Math.min(KEPT, this.keys.length)));
		update(next.toArray(new OpenSslSessionTicketKey[0]));
	}

	private void reloadIfChanged() {
		try {
			byte[] content = read(this.file);
			if (Arrays.equals(content, this.fileContent)) {
				return;
			}
			OpenSslSessionTicketKey[] parsed = parse(this.file, content);
			this.fileContent = content;
			update(parsed);
			logger.info(TlsMessages.sessionTicketKeysReloaded(this.file.toString(), parsed.length));
		}
		catch (KestrelConfigurationException ex) {
			logger.warn(TlsMessages.sessionTicketKeysNotReloaded(this.file.toString(), ex.getProblem().description()));
		}
		catch (RuntimeException ex) {
			logger.warn(TlsMessages.sessionTicketKeysNotReloaded(this.file.toString(), ex.toString()));
		}
	}

	private void update(OpenSslSessionTicketKey[] next) {
		this.keys = next;
		synchronized (this.contexts) {
			for (OpenSslServerContext context : this.contexts.keySet()) {
				context.sessionContext().setTicketKeys(next);
			}
		}
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new KestrelConfigurationException(null, "kestrel.tls.session-ticket-keys",
					TlsMessages.sessionTicketKeysUnreadable(file.toString(), ex.getClass().getSimpleName()), ex);
		}
	}

	static OpenSslSessionTicketKey[] parse(Path file, byte[] content) {
		if (content.length == 0 || content.length % KEY_SIZE != 0) {
			throw new KestrelConfigurationException(null, "kestrel.tls.session-ticket-keys",
					(content.length % NGINX_LONG_KEY_SIZE == 0 && content.length > 0)
							? TlsMessages.sessionTicketKeysTooLong(file.toString())
							: TlsMessages.sessionTicketKeysWrongSize(file.toString(), content.length),
					null);
		}
		OpenSslSessionTicketKey[] keys = new OpenSslSessionTicketKey[content.length / KEY_SIZE];
		for (int i = 0; i < keys.length; i++) {
			int offset = i * KEY_SIZE;
			keys[i] = new OpenSslSessionTicketKey(Arrays.copyOfRange(content, offset, offset + 16),
					Arrays.copyOfRange(content, offset + 32, offset + 48),
					Arrays.copyOfRange(content, offset + 16, offset + 32));
		}
		return keys;
	}

	private static OpenSslSessionTicketKey randomKey() {
		byte[] bytes = new byte[KEY_SIZE];
		RANDOM.nextBytes(bytes);
		return new OpenSslSessionTicketKey(Arrays.copyOfRange(bytes, 0, 16), Arrays.copyOfRange(bytes, 32, 48),
				Arrays.copyOfRange(bytes, 16, 32));
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
		this.contexts.clear();
	}

}

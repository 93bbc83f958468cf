package dev.kestrel.internal.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.web.server.GracefulShutdownCallback;
import org.springframework.boot.web.server.GracefulShutdownResult;
import org.springframework.boot.web.server.Shutdown;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.WebServerException;
import reactor.netty.DisposableServer;

import dev.kestrel.internal.binding.BindingPlan;
import dev.kestrel.internal.binding.PlannedEndpoint;
import dev.kestrel.options.ListenOptions;
import dev.kestrel.diagnostics.BindingMessages;
import dev.kestrel.diagnostics.ProtocolMessages;

/**
 * The application's web server: every endpoint of a {@link BindingPlan}, each bound as
 * its own Reactor Netty server, all sharing the application's handler and event loops.
 * <ul>
 * <li>Start is all-or-nothing: if one endpoint cannot bind, the ones already bound are
 * released before the error surfaces.</li>
 * <li>Graceful shutdown closes every listener at once, then waits for the in-flight
 * requests of every endpoint.</li>
 * <li>{@link #getPort()} is the first plain-HTTP TCP endpoint's port (what
 * {@code local.server.port} and test clients use).</li>
 * </ul>
 */
public class KestrelWebServer implements WebServer {

	private static final Log logger = LogFactory.getLog(KestrelWebServer.class);

	private final List<EndpointServer> endpointServers;

	private final BindingPlan plan;

	private final Shutdown shutdown;

	private volatile List<BoundEndpoint> boundEndpoints = List.of();

	private volatile CountDownLatch awaitLatch;

	private final List<Thread> shutdownThreads = Collections.synchronizedList(new ArrayList<>());

	KestrelWebServer(BindingPlan plan, List<EndpointServer> endpointServers, Shutdown shutdown) {
		this.plan = plan;
		this.endpointServers = List.copyOf(endpointServers);
		this.shutdown = shutdown;
	}

	@Override
	public synchronized void start() throws WebServerException {
		if (this.awaitLatch != null) {
			return;
		}
		this.plan.warnings().forEach(logger::warn);
		this.plan.notes().forEach(logger::info);
		List<BoundEndpoint> bound = new ArrayList<>();
		for (EndpointServer endpointServer : this.endpointServers) {
			try {
				bound.add(endpointServer.start());
			}
			catch (RuntimeException ex) {
				this.endpointServers.forEach(EndpointServer::stop);
				throw ex;
			}
		}
		this.boundEndpoints = List.copyOf(bound);
		for (BoundEndpoint endpoint : bound) {
			if (!endpoint.addresses().isEmpty()) {
				logger.info(BindingMessages.nowListeningOn(endpoint.displayName()));
			}
			if (endpoint.isHttp3()) {
				logger.info(ProtocolMessages.nowListeningOnQuic(endpoint.displayName()));
			}
		}
		startAwaitThread();
	}

	private void startAwaitThread() {
		CountDownLatch latch = new CountDownLatch(1);
		this.awaitLatch = latch;
		Thread await = new Thread(() -> {
			try {
				latch.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "kestrel-server");
		await.setDaemon(false);
		await.start();
	}

	@Override
	public void shutDownGracefully(GracefulShutdownCallback callback) {
		if (this.shutdown != Shutdown.GRACEFUL) {
			callback.shutdownComplete(GracefulShutdownResult.IMMEDIATE);
			return;
		}
		logger.info("Commencing graceful shutdown. Waiting for active requests to complete");
		List<DisposableServer> servers = this.endpointServers.stream()
			.flatMap((endpoint) -> endpoint.servers().stream())
			.toList();
		AtomicBoolean aborted = new AtomicBoolean();
		CountDownLatch done = new CountDownLatch(servers.size());
		for (DisposableServer server : servers) {
			Thread thread = new Thread(() -> {
				try {
					server.disposeNow(Duration.ofNanos(Long.MAX_VALUE));
				}
				catch (RuntimeException ex) {
					aborted.set(true);
				}
				finally {
					done.countDown();
				}
			}, "kestrel-shutdown");
			this.shutdownThreads.add(thread);
			thread.start();
		}
		Thread coordinator = new Thread(() -> {
			try {
				done.await();
			}
			catch (InterruptedException ex) {
				aborted.set(true);
			}
			if (aborted.get()) {
				logger.info("Graceful shutdown aborted with one or more requests still active");
				callback.shutdownComplete(GracefulShutdownResult.REQUESTS_ACTIVE);
			}
			else {
				logger.info("Graceful shutdown complete");
				callback.shutdownComplete(GracefulShutdownResult.IDLE);
			}
		}, "kestrel-shutdown-coordinator");
		coordinator.start();
	}

	@Override
	public synchronized void stop() throws WebServerException {
		synchronized (this.shutdownThreads) {
			this.shutdownThreads.forEach(Thread::interrupt);
			this.shutdownThreads.clear();
		}
		this.endpointServers.forEach(EndpointServer::stop);
		this.boundEndpoints = List.of();
		CountDownLatch latch = this.awaitLatch;
		if (latch != null) {
			latch.countDown();
			this.awaitLatch = null;
		}
	}

	/**
	 * Returns the port of the first plain-HTTP TCP endpoint, else of the first TCP
	 * endpoint.
	 * @return the port, or {@code -1} when not started or when only Unix sockets are
	 * bound
	 */
	@Override
	public int getPort() {
		List<BoundEndpoint> bound = this.boundEndpoints;
		return bound.stream()
			.filter((endpoint) -> endpoint.port() >= 0 && !endpoint.listenOptions().isHttps())
			.findFirst()
			.or(() -> bound.stream().filter((endpoint) -> endpoint.port() >= 0).findFirst())
			.map(BoundEndpoint::port)
			.orElse(-1);
	}

	/**
	 * @return the endpoints this server binds when it starts, in binding order
	 */
	public List<ListenOptions> getPlannedEndpoints() {
		return this.plan.endpoints().stream().map(PlannedEndpoint::options).toList();
	}

	/**
	 * @return the endpoints bound, in binding order (empty when not started)
	 */
	public List<BoundEndpoint> getBoundEndpoints() {
		return this.boundEndpoints;
	}

}

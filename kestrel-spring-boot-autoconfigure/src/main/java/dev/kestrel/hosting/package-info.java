/**
 * Public API about the running server: {@link dev.kestrel.hosting.ServerAddresses}, the
 * addresses every endpoint bound (Kestrel's {@code IServerAddressesFeature}).
 */
@NullMarked
package dev.kestrel.hosting;

import org.jspecify.annotations.NullMarked;

/**
 * The {@code FailureAnalyzer} that turns every startup failure of the starter into a
 * description naming the endpoint and configuration key, and an action.
 */
@NullMarked
package dev.kestrel.autoconfigure.diagnostics;

import org.jspecify.annotations.NullMarked;

package dev.kestrel.internal.binding;

import java.util.List;

/**
 * What the server binds, and what to tell the user about how it was chosen.
 *
 * @param endpoints the endpoints to bind, in order
 * @param warnings warnings to log (addresses overridden by endpoints)
 * @param notes information to log (random ports for tests)
 */
public record BindingPlan(List<PlannedEndpoint> endpoints, List<String> warnings, List<String> notes) {

	public BindingPlan {
		endpoints = List.copyOf(endpoints);
		warnings = List.copyOf(warnings);
		notes = List.copyOf(notes);
	}

}

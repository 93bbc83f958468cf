/**
 * The sample application: one WebFlux handler served on every kind of Kestrel endpoint
 * its application.yml declares.
 */
@NullMarked
package dev.kestrel.sample;

import org.jspecify.annotations.NullMarked;

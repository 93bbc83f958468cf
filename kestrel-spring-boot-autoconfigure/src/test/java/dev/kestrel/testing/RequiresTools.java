package dev.kestrel.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Declares the external programs a test class or test method drives. When one of them is
 * not on the {@code PATH}, the test is skipped with the program's name and its Debian
 * package as the reason, e.g.
 * {@code curl not found on the PATH (install: apt-get install curl)}. Under
 * {@code CI=true} a missing program fails the test instead, so that CI never passes by
 * skipping. {@code bash .ci/run} installs every program named here.
 * <p>
 * Put it on a class only when every test of the class drives the programs; otherwise on
 * each method that does. Shared with the tests of other modules through this module's
 * test jar.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(RequiresToolsCondition.class)
public @interface RequiresTools {

	/**
	 * The programs, by the name found on the {@code PATH}: {@code curl}, {@code openssl},
	 * {@code h2load}, {@code nghttp}, {@code nginx}, {@code certutil} or {@code wrk}.
	 * @return the programs the test drives
	 */
	String[] value();

}

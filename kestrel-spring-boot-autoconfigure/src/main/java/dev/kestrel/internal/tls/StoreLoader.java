package dev.kestrel.internal.tls;

import dev.kestrel.certificates.StoreLocation;
import java.util.List;

import dev.kestrel.internal.tls.store.StoredCertificate;

/**
 * Lists the entries of a certificate store, for {@code Subject} certificates.
 */
@FunctionalInterface
public interface StoreLoader {

	/**
	 * Lists the entries of a store.
	 * @param storeName the store name ({@code Store}, default {@code My})
	 * @param location the store location ({@code Location}, default {@code CurrentUser})
	 * @return the entries, empty when the store does not exist
	 */
	List<StoredCertificate> load(String storeName, StoreLocation location);

}

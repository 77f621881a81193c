package org.overturn.demo;

import java.math.BigDecimal;

/** One PLB reason/amount pair: positive takes money back (WO), negative adds some (L6 interest, FB carry-over). */
record ProviderLevelAdjustment(String reason, String reference, BigDecimal amount) {
}

package org.overturn.letters;

/**
 * What an appeal letter argues about mental health parity for a denial, supplied by the parity module (which
 * builds on letters, so letters asks through this interface): null when no specialist confirmed a concern.
 */
public interface AppealParity {

    LetterFacts.Parity of(long denialId);
}

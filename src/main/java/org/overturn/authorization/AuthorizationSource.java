package org.overturn.authorization;

/** How an authorization came into the register. */
public enum AuthorizationSource {
    API, PAGE, IMPORT
}

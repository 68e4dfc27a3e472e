package org.ucfront.directory.service;

import javax.ejb.ConcurrencyManagement;
import javax.ejb.ConcurrencyManagementType;
import javax.ejb.Singleton;
import javax.ejb.TransactionAttribute;
import javax.ejb.TransactionAttributeType;

/** Owns the one {@link UserCache}: servlets take the object once and then call it directly. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UserCacheService {

    private final UserCache cache = new UserCache();

    public UserCache cache() {
        return cache;
    }
}

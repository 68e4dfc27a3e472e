package org.ucfront.registrar.service;

/** The MBean: every call goes through the bean's business interface. */
final class UserServicesJmx implements UserServicesJmxMBean {

    static final String NAME = "org.ucfront:type=UserServices";

    private final UserServicesAvailability availability;

    UserServicesJmx(UserServicesAvailability availability) {
        this.availability = availability;
    }

    @Override
    public boolean isAvailable() {
        return availability.available();
    }

    @Override
    public boolean isHealthy() {
        return availability.status().healthy();
    }

    @Override
    public String getOverride() {
        Boolean o = availability.status().override();
        return o == null ? "none" : o ? "available" : "unavailable";
    }

    @Override
    public String getHealthUrl() {
        return availability.status().healthUrl();
    }

    @Override
    public boolean override(boolean available) {
        return availability.override(available).available();
    }

    @Override
    public boolean clearOverride() {
        return availability.override(null).available();
    }
}

package dev.millwright.component.expressmaintenance.profile;

/** A name a profile gives (a table, a column) with where it is given. */
public record Located(String name, Where where) {

    @Override
    public String toString() {
        return name;
    }
}

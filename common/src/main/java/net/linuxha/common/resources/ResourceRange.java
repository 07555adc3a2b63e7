package net.linuxha.common.resources;

/** The inclusive range of numbers one kind of resource may use: the port pool, or minors 0..maxblockdevs-1. */
public record ResourceRange(int first, int last) {

    public ResourceRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("a resource range needs 0 <= first <= last, not " + first + ".."
                    + last);
        }
    }

    public boolean contains(int number) {
        return number >= first && number <= last;
    }

    public int size() {
        return last - first + 1;
    }

    @Override
    public String toString() {
        return first + ".." + last;
    }
}

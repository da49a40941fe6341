package dev.millwright.core.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PageIteratorTest {

    @Test
    void fetchesEachPageOnlyWhenThePreviousIsUsedUp() {
        List<String> requested = new ArrayList<>();
        PageIterator<Integer> items = new PageIterator<>(next -> {
            requested.add(next);
            return next == null ? new Page<>(List.of(1, 2), "p2") : Page.last(List.of(3));
        });

        assertThat(items.next()).isEqualTo(1);
        assertThat(items.next()).isEqualTo(2);
        assertThat(requested).containsExactly((String) null);
        assertThat(items.next()).isEqualTo(3);
        assertThat(items.hasNext()).isFalse();
        assertThat(requested).containsExactly(null, "p2");
        assertThat(items.pagesFetched()).isEqualTo(2);
    }

    @Test
    void emptyPagesInTheMiddleAreFollowed() {
        PageIterator<Integer> items = new PageIterator<>(next -> switch (next == null ? "" : next) {
            case "" -> new Page<>(List.of(), "p2");
            case "p2" -> new Page<>(List.of(), "p3");
            default -> Page.last(List.of(7));
        });

        assertThat(items).toIterable().containsExactly(7);
    }

    @Test
    void aSourceRepeatingItsNextLinkIsStoppedInsteadOfLoopingForever() {
        PageIterator<Integer> items = new PageIterator<>(next -> new Page<>(List.of(1), "same"));
        items.next();

        assertThatThrownBy(items::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("same");
    }
}

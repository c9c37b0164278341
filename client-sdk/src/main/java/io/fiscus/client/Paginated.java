package io.fiscus.client;

import io.fiscus.client.rpc.Page;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * All items of a paginated {@code cbdc_} query, fetched page by page as they are consumed, each
 * page with the previous page's cursor. Iterating blocks while a page is fetched; a failure is
 * thrown as the {@link FiscusException} of the page's call. Each iteration runs the query again
 * from the first page.
 *
 * @param <T> the item type
 */
public final class Paginated<T> implements Iterable<T> {
  private final Function<Optional<String>, Call<Page<T>>> pageAfter;

  /**
   * The items of a query.
   *
   * @param pageAfter fetches the page after a cursor (empty: the first page)
   */
  public Paginated(Function<Optional<String>, Call<Page<T>>> pageAfter) {
    this.pageAfter = pageAfter;
  }

  @Override
  public Iterator<T> iterator() {
    return new PageIterator();
  }

  /**
   * The items as a sequential, lazy stream.
   *
   * @return the stream
   */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  private final class PageIterator implements Iterator<T> {
    private Iterator<T> current = null;
    private Optional<String> cursor = Optional.empty();
    private boolean lastPageFetched = false;

    @Override
    public boolean hasNext() {
      while (current == null || !current.hasNext()) {
        if (lastPageFetched) {
          return false;
        }
        Page<T> page = pageAfter.apply(cursor).send();
        current = page.items().iterator();
        cursor = page.nextCursor();
        lastPageFetched = cursor.isEmpty();
      }
      return true;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }
  }
}

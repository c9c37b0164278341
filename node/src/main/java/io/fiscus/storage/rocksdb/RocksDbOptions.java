package io.fiscus.storage.rocksdb;

import io.fiscus.storage.Column;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;

/**
 * The native option objects of one open store, sized for a small machine (2 cores, a few GB): one
 * block cache shared by every column, a bounded total memtable size, LZ4, and Bloom filters on the
 * columns read by exact key. Owns every handle it creates; {@link #close()} frees them, and must
 * run only after the database is closed.
 */
final class RocksDbOptions implements AutoCloseable {
  static final long BLOCK_CACHE_BYTES = 256L << 20;
  private static final long TOTAL_WRITE_BUFFER_BYTES = 128L << 20;
  private static final long COLUMN_WRITE_BUFFER_BYTES = 32L << 20;
  private static final long MAX_TOTAL_WAL_BYTES = 256L << 20;
  private static final long BYTES_PER_SYNC = 1L << 20;
  private static final long BLOCK_SIZE_BYTES = 16L << 10;
  private static final double BLOOM_BITS_PER_KEY = 10;

  /** Columns read by range scans only; a whole-key Bloom filter would cost memory for nothing. */
  private static final Set<Column> SCANNED_COLUMNS =
      EnumSet.of(Column.ACCOUNT_HISTORY, Column.INVOICES, Column.RECORDS);

  private final LRUCache blockCache;
  private final BloomFilter bloomFilter;
  private final DBOptions databaseOptions;
  private final ColumnFamilyOptions defaultColumnOptions;
  private final Map<Column, ColumnFamilyOptions> columnOptions = new EnumMap<>(Column.class);

  RocksDbOptions() {
    blockCache = new LRUCache(BLOCK_CACHE_BYTES);
    bloomFilter = new BloomFilter(BLOOM_BITS_PER_KEY);
    databaseOptions =
        new DBOptions()
            .setCreateIfMissing(true)
            .setCreateMissingColumnFamilies(true)
            .setMaxBackgroundJobs(2)
            .setBytesPerSync(BYTES_PER_SYNC)
            .setDbWriteBufferSize(TOTAL_WRITE_BUFFER_BYTES)
            .setMaxTotalWalSize(MAX_TOTAL_WAL_BYTES)
            .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
            .setKeepLogFileNum(3)
            .setMaxLogFileSize(8L << 20);
    defaultColumnOptions = columnOptions(false);
    for (Column column : Column.values()) {
      columnOptions.put(column, columnOptions(!SCANNED_COLUMNS.contains(column)));
    }
  }

  private ColumnFamilyOptions columnOptions(boolean bloom) {
    BlockBasedTableConfig table =
        new BlockBasedTableConfig()
            .setBlockCache(blockCache)
            .setBlockSize(BLOCK_SIZE_BYTES)
            // Index and filter blocks count against the cache, so memory stays bounded as data
            // grows.
            .setCacheIndexAndFilterBlocks(true)
            .setPinL0FilterAndIndexBlocksInCache(true);
    if (bloom) {
      table.setFilterPolicy(bloomFilter);
    }
    return new ColumnFamilyOptions()
        .setTableFormatConfig(table)
        .setWriteBufferSize(COLUMN_WRITE_BUFFER_BYTES)
        .setCompressionType(CompressionType.LZ4_COMPRESSION)
        .setBottommostCompressionType(CompressionType.LZ4_COMPRESSION)
        .setLevelCompactionDynamicLevelBytes(true);
  }

  DBOptions database() {
    return databaseOptions;
  }

  ColumnFamilyOptions defaultColumn() {
    return defaultColumnOptions;
  }

  ColumnFamilyOptions column(Column column) {
    return columnOptions.get(column);
  }

  @Override
  public void close() {
    columnOptions.values().forEach(ColumnFamilyOptions::close);
    defaultColumnOptions.close();
    databaseOptions.close();
    bloomFilter.close();
    blockCache.close();
  }
}

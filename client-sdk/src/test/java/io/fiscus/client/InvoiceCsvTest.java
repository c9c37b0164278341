package io.fiscus.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvoiceCsvTest {
  @Test
  void fieldsWithCommasQuotesOrLineBreaksAreQuoted() {
    assertThat(InvoiceCsv.quoted("INV-1")).isEqualTo("INV-1");
    assertThat(InvoiceCsv.quoted("a,b")).isEqualTo("\"a,b\"");
    assertThat(InvoiceCsv.quoted("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(InvoiceCsv.quoted("two\nlines")).isEqualTo("\"two\nlines\"");
  }
}

package org.highdicom4j.cli;

import org.highdicom4j.dicom.data.BulkDataRef;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Fragments;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.ElementDictionary;

/**
 * Formats a data set as text in the style of DCMTK's dcmdump: one line per element with tag, VR,
 * value (abbreviated), length, multiplicity and keyword; items indented.
 */
final class DumpFormatter {
  private static final int VALUE_WIDTH = 64;
  private static final int MAX_BINARY_VALUES = 16;

  private DumpFormatter() {}

  static void format(DicomDataset ds, StringBuilder out, int depth) {
    for (int i = 0; i < ds.size(); i++) {
      int tag = ds.tagAt(i);
      VR vr = ds.vrAt(i);
      Object v = ds.valueAt(i);
      String indent = "  ".repeat(depth);
      String head = String.format("%s(%04x,%04x) %s ", indent, tag >>> 16, tag & 0xffff, vr);
      String kw = keyword(tag);
      if (v instanceof Sequence) {
        Sequence seq = (Sequence) v;
        out.append(head)
            .append("(Sequence with ")
            .append(seq.size())
            .append(seq.size() == 1 ? " item)" : " items)")
            .append("  # ")
            .append(kw)
            .append('\n');
        int n = 0;
        for (DicomDataset item : seq) {
          n++;
          out.append(indent)
              .append("  (fffe,e000) na (Item #")
              .append(n)
              .append(" with ")
              .append(item.size())
              .append(" elements)\n");
          format(item, out, depth + 2);
        }
        continue;
      }
      if (v instanceof Fragments) {
        Fragments f = (Fragments) v;
        out.append(head)
            .append("(PixelSequence with ")
            .append(f.size())
            .append(" items)  # ")
            .append(kw)
            .append('\n');
        for (int k = 0; k < f.size(); k++) {
          out.append(indent)
              .append("  (fffe,e000) pi (")
              .append(k == 0 ? "Basic Offset Table, " : "Fragment, ")
              .append(f.itemLength(k))
              .append(" bytes)\n");
        }
        continue;
      }
      String value;
      long length;
      int vm;
      if (v instanceof BulkDataRef) {
        BulkDataRef ref = (BulkDataRef) v;
        length = ref.length();
        value = "(not loaded: " + length + " bytes at offset " + ref.offset() + ")";
        vm = 1;
      } else if (vr.isText()) {
        String text = ds.getText(tag);
        length = ds.getBytes(tag).length;
        length += length & 1; // as encoded, padded to even length
        vm = text.isEmpty() ? 0 : vr.kind() == VR.Kind.TEXT ? 1 : text.split("\\\\", -1).length;
        value = text.isEmpty() ? "(no value available)" : "[" + text + "]";
      } else {
        byte[] b = ds.getBytes(tag);
        length = b.length;
        String[] vals = binaryValues(ds, tag, vr, b);
        vm = vals.length;
        value = vals.length == 0 ? "(no value available)" : String.join("\\", vals);
        if (vr.hasLongHeader() && vals.length > 0) {
          vm = 1; // OB, OW, OF … are single valued however many bytes they hold
        } else if (vm > MAX_BINARY_VALUES) {
          vm = vr.valueSize() > 0 ? (int) (length / vr.valueSize()) : vm;
        }
      }
      if (value.length() > VALUE_WIDTH) {
        value = value.substring(0, VALUE_WIDTH - 3) + "...";
      }
      out.append(head)
          .append(String.format("%-" + VALUE_WIDTH + "s", value))
          .append(" # ")
          .append(String.format("%4d,%2d %s", length, vm, kw))
          .append('\n');
    }
  }

  private static String[] binaryValues(DicomDataset ds, int tag, VR vr, byte[] b) {
    switch (vr) {
      case OB:
      case UN:
      case OW:
      case OL:
      case OV:
      case OF:
      case OD:
        {
          int n = Math.min(b.length, MAX_BINARY_VALUES + 1);
          String[] out = new String[n];
          for (int k = 0; k < n; k++) {
            out[k] = String.format("%02x", b[k] & 0xff);
          }
          return out;
        }
      default:
        try {
          return ds.getStrings(tag);
        } catch (IllegalStateException e) {
          return new String[] {"(" + b.length + " bytes)"};
        }
    }
  }

  private static String keyword(int tag) {
    String kw = ElementDictionary.keywordOf(tag);
    if (kw != null) {
      return kw;
    }
    int group = tag >>> 16;
    if ((group & 1) == 1) {
      int el = tag & 0xffff;
      return el >= 0x10 && el <= 0xff ? "PrivateCreator" : "PrivateTag";
    }
    return "Unknown Tag & Data";
  }

  static String format(DicomDataset ds) {
    StringBuilder sb = new StringBuilder();
    format(ds, sb, 0);
    return sb.toString();
  }
}

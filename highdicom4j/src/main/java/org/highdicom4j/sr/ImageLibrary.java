package org.highdicom4j.sr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;

/**
 * TID 1600 Image Library: an Image Library (111028, DCM) container holding Image Library Group
 * (126200, DCM) containers (TID 1601), one per modality and frame of reference, whose IMAGE entries
 * carry their TID 1602 descriptors; highdicom's {@code ImageLibrary}.
 */
public final class ImageLibrary extends Template {
  private final ContainerContentItem item;

  /**
   * Creates an image library of images.
   *
   * @param images the image data sets, each with SOP Class UID, SOP Instance UID and Modality;
   *     empty for an empty library
   * @throws IllegalArgumentException when an image lacks a required attribute
   */
  public ImageLibrary(List<DicomDataset> images) {
    this(build(images));
  }

  private ImageLibrary(ContainerContentItem item) {
    super(List.of(item));
    this.item = item;
  }

  private static ContainerContentItem build(List<DicomDataset> images) {
    Objects.requireNonNull(images, "images");
    Map<String, List<ContentItem>> groups = new LinkedHashMap<>();
    for (DicomDataset image : images) {
      String key =
          image.getString(Tag.Modality, "") + "\\" + image.getString(Tag.FrameOfReferenceUID, "");
      ImageContentItem entry =
          new ImageContentItem(
              SrCodes.SOURCE,
              image.getString(Tag.SOPClassUID),
              image.getString(Tag.SOPInstanceUID),
              RelationshipTypeValues.CONTAINS);
      entry = entry.withContent(new ImageLibraryEntryDescriptors(image, null).contentItems());
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
    }
    List<ContentItem> groupItems = new ArrayList<>();
    for (List<ContentItem> entries : groups.values()) {
      groupItems.add(
          new ContainerContentItem(SrCodes.IMAGE_LIBRARY_GROUP, RelationshipTypeValues.CONTAINS)
              .withContent(entries));
    }
    ContainerContentItem library =
        new ContainerContentItem(SrCodes.IMAGE_LIBRARY, RelationshipTypeValues.CONTAINS);
    return groupItems.isEmpty() ? library : library.withContent(groupItems);
  }

  /**
   * Interprets a content item as an image library.
   *
   * @param item a CONTAINER named Image Library
   * @return the library, keeping the item as read
   * @throws IllegalArgumentException when it is not such an item
   */
  public static ImageLibrary fromContentItem(ContentItem item) {
    Find.require(item, SrCodes.IMAGE_LIBRARY, ContainerContentItem.class, "ImageLibrary");
    return new ImageLibrary((ContainerContentItem) item);
  }

  /**
   * Returns the image entries of all groups.
   *
   * @return the IMAGE items, each with its descriptors as children
   */
  public List<ImageContentItem> entries() {
    List<ImageContentItem> out = new ArrayList<>();
    collect(item, out);
    return out;
  }

  private static void collect(ContentItem node, List<ImageContentItem> out) {
    for (ContentItem c : node.content()) {
      if (c instanceof ImageContentItem) {
        out.add((ImageContentItem) c);
      } else if (c instanceof ContainerContentItem) {
        collect(c, out);
      }
    }
  }

  /**
   * Returns the CONTAINER content item.
   *
   * @return the item
   */
  public ContainerContentItem toContentItem() {
    return item;
  }
}

package org.highdicom4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.highdicom4j.formats.LabelMapImage;

/**
 * The label map formats of {@code org.highdicom4j.formats}: NIfTI-1 ({@code .nii}, {@code
 * .nii.gz}), NRRD ({@code .nrrd}, {@code .nhdr}) and NumPy ({@code .npy}). Their index convention
 * is the one {@link LabelMapIo} asks for: (slice, row, column) arrays and an index-to-LPS affine.
 */
final class FormatsLabelMapIo implements LabelMapIo {

  @Override
  public boolean supports(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".npy")
        || name.endsWith(".nii")
        || name.endsWith(".nii.gz")
        || name.endsWith(".nrrd")
        || name.endsWith(".nhdr");
  }

  @Override
  public LabelMap read(Path path) throws IOException {
    LabelMapImage image = LabelMapImage.read(path);
    return new LabelMap(image.array(), image.affineLps(), image.metadata());
  }

  @Override
  public void write(Path path, LabelMap labelMap) throws IOException {
    new LabelMapImage(labelMap.array(), labelMap.affineLps(), labelMap.metadata()).write(path);
  }
}

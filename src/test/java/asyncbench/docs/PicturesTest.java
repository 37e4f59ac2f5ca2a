package asyncbench.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Every picture the repository holds fits a page of 1,200 pixels. */
class PicturesTest {
    @Test
    void noCommittedPictureIsWiderThanThePage() throws Exception {
        Process git = new ProcessBuilder("git", "ls-files", "*.png").redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> wide = new ArrayList<>();
        int pictures = 0;
        if (git.waitFor() == 0) {
            for (String file : out.lines().toList()) {
                var image = ImageIO.read(Path.of(file).toFile());
                pictures++;
                if (image != null && image.getWidth() > 1200) {
                    wide.add(file + " (" + image.getWidth() + " px)");
                }
            }
        }
        assertTrue(wide.isEmpty(), "wider than 1,200 pixels: " + wide);
        assertTrue(pictures > 0, "the docs show pictures");
    }
}

package io.github.spacescopejava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spacescopejava.testkit.SpaceScopeFake;
import io.github.spacescopejava.testkit.SpaceScopeFakeExtension;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class PlotCommandTest {
  @RegisterExtension
  static final SpaceScopeFakeExtension SPACESCOPE =
      SpaceScopeFakeExtension.builder().systemClock().build();

  @Test
  void drawsAYearOfPowerAsAPngOfTheRequestedSize(@TempDir Path dir) throws Exception {
    SpaceScopeFake fake = SPACESCOPE.fake();
    Path png = dir.resolve("power.png");
    CliRun run =
        CliRun.run(
            "--base-url",
            fake.baseUrl(),
            "--token",
            fake.token(),
            "plot",
            "power/network_storage_capacity",
            "--field",
            "total_qa_bytes_power",
            "--field",
            "baseline_power",
            "--from",
            "2024-01-01",
            "--to",
            "2024-12-31",
            "--width",
            "900",
            "--height",
            "500",
            "-o",
            png.toString());

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.err()).isEqualTo("spacescope: wrote " + png + " (732 points)\n");
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(900);
    assertThat(image.getHeight()).isEqualTo(500);
    Set<Integer> colours = new HashSet<>();
    for (int x = 0; x < image.getWidth(); x += 3) {
      for (int y = 0; y < image.getHeight(); y += 3) {
        colours.add(image.getRGB(x, y) & 0xFFFFFF);
      }
    }
    // Both series' colours are drawn, not just a blank canvas with a frame.
    assertThat(colours).contains(0x1F77B4, 0xD62728).hasSizeGreaterThan(10);
  }

  @Test
  void refusesFieldsThatAreNotNumbersOrOfDifferentUnits(@TempDir Path dir) {
    SpaceScopeFake fake = SPACESCOPE.fake();
    String out = dir.resolve("x.png").toString();
    CliRun text =
        CliRun.run(
            "--base-url",
            fake.baseUrl(),
            "--token",
            fake.token(),
            "plot",
            "storage_provider/power",
            "--provider",
            "f0110804",
            "--field",
            "miner_id",
            "--from",
            "2024-01-01",
            "--to",
            "2024-01-05",
            "-o",
            out);
    assertThat(text.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(text.err())
        .startsWith(
            "spacescope: field miner_id is not numeric; numeric fields of storage_provider/power: ");

    CliRun mixed =
        CliRun.run(
            "--base-url",
            fake.baseUrl(),
            "--token",
            fake.token(),
            "plot",
            "circulating_supply/circulating_supply",
            "--field",
            "circulating_fil",
            "--field",
            "stat_date",
            "--from",
            "2024-01-01",
            "--to",
            "2024-01-05",
            "-o",
            out);
    assertThat(mixed.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());

    CliRun everyProvider =
        CliRun.run(
            "--base-url",
            fake.baseUrl(),
            "--token",
            fake.token(),
            "plot",
            "storage_provider/power",
            "--field",
            "raw_byte_power",
            "--from",
            "2024-01-01",
            "--to",
            "2024-01-05",
            "-o",
            out);
    assertThat(everyProvider.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(everyProvider.err()).contains("give --provider f0... to plot one provider");
    assertThat(fake.requests()).isEmpty();
  }
}
